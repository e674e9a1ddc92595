"""Initial corpus schema: runs, articles and their inputs, findings tables, judgements per ratings
snapshot, duplicate groups with their LSH bands, failures (generated from store.py, then reviewed).

Revision ID: 0001
Revises: 
Create Date: 2026-11-30 06:30:52.009024
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('duplicate_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('origin_id', sa.String(length=24), nullable=True),
    sa.Column('origin_reason', sa.String(length=32), nullable=True),
    sa.Column('created', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started', sa.DateTime(), nullable=False),
    sa.Column('finished', sa.DateTime(), nullable=True),
    sa.Column('command', sa.Text(), nullable=True),
    sa.Column('analyzer', sa.String(length=64), nullable=True),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('articles',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('canonical_url', sa.Text(), nullable=True),
    sa.Column('domain', sa.String(length=255), nullable=True),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=40), nullable=True),
    sa.Column('authors', sa.JSON(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('furniture', sa.JSON(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('genre', sa.String(length=16), nullable=True),
    sa.Column('findings', sa.JSON(), nullable=False),
    sa.Column('analyzer', sa.String(length=64), nullable=False),
    sa.Column('stamps', sa.JSON(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('shingles', sa.Integer(), nullable=False),
    sa.Column('exact_of', sa.String(length=24), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('ingested', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_analyzer'), ['analyzer'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_content_hash'), ['content_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_domain'), ['domain'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_language'), ['language'], unique=False)

    op.create_table('failures',
    sa.Column('source', sa.String(length=512), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('when', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ),
    sa.PrimaryKeyConstraint('source')
    )
    op.create_table('chain_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('domain', sa.String(length=255), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('producer', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('chain_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chain_links_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_chain_links_domain'), ['domain'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attributed_to', sa.Text(), nullable=True),
    sa.Column('entities', sa.JSON(), nullable=False),
    sa.Column('producer', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_article_id'), ['article_id'], unique=False)

    op.create_table('duplicate_members',
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('similar_to', sa.String(length=24), nullable=True),
    sa.Column('jaccard', sa.Float(), nullable=False),
    sa.Column('containment', sa.Float(), nullable=False),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['duplicate_groups.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    with op.batch_alter_table('duplicate_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duplicate_members_group_id'), ['group_id'], unique=False)

    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('canonical', sa.Text(), nullable=False),
    sa.Column('label', sa.String(length=8), nullable=False),
    sa.Column('mention_count', sa.Integer(), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entities_key'), ['key'], unique=False)

    op.create_table('hedges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=True),
    sa.Column('producer', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('hedges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hedges_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hedges_kind'), ['kind'], unique=False)

    op.create_table('inputs',
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ),
    sa.PrimaryKeyConstraint('hash')
    )
    with op.batch_alter_table('inputs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inputs_article_id'), ['article_id'], unique=False)

    op.create_table('judgements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('ratings_id', sa.String(length=64), nullable=False),
    sa.Column('grade', sa.String(length=4), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('judgement', sa.JSON(), nullable=False),
    sa.Column('judged', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'ratings_id')
    )
    with op.batch_alter_table('judgements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_judgements_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_judgements_grade'), ['grade'], unique=False)
        batch_op.create_index(batch_op.f('ix_judgements_ratings_id'), ['ratings_id'], unique=False)

    op.create_table('lsh_bands',
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('hash', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'band')
    )
    with op.batch_alter_table('lsh_bands', schema=None) as batch_op:
        batch_op.create_index('ix_lsh_bands_hash', ['hash'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('speaker_key', sa.String(length=255), nullable=True),
    sa.Column('speaker_role', sa.Text(), nullable=True),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('producer', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_speaker_key'), ['speaker_key'], unique=False)

    op.create_table('claim_numbers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=32), nullable=True),
    sa.Column('currency', sa.String(length=8), nullable=True),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim_numbers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_numbers_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_numbers_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_numbers_value'), ['value'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('in_furniture', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_entity_id'), ['entity_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_entity_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_article_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('claim_numbers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_numbers_value'))
        batch_op.drop_index(batch_op.f('ix_claim_numbers_claim_id'))
        batch_op.drop_index(batch_op.f('ix_claim_numbers_article_id'))

    op.drop_table('claim_numbers')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_speaker_key'))
        batch_op.drop_index(batch_op.f('ix_quotes_article_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('lsh_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_lsh_bands_hash')

    op.drop_table('lsh_bands')
    with op.batch_alter_table('judgements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_judgements_ratings_id'))
        batch_op.drop_index(batch_op.f('ix_judgements_grade'))
        batch_op.drop_index(batch_op.f('ix_judgements_article_id'))

    op.drop_table('judgements')
    with op.batch_alter_table('inputs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inputs_article_id'))

    op.drop_table('inputs')
    with op.batch_alter_table('hedges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hedges_kind'))
        batch_op.drop_index(batch_op.f('ix_hedges_article_id'))

    op.drop_table('hedges')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_key'))
        batch_op.drop_index(batch_op.f('ix_entities_article_id'))

    op.drop_table('entities')
    with op.batch_alter_table('duplicate_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duplicate_members_group_id'))

    op.drop_table('duplicate_members')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_article_id'))

    op.drop_table('claims')
    with op.batch_alter_table('chain_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chain_links_domain'))
        batch_op.drop_index(batch_op.f('ix_chain_links_article_id'))

    op.drop_table('chain_links')
    op.drop_table('failures')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_language'))
        batch_op.drop_index(batch_op.f('ix_articles_domain'))
        batch_op.drop_index(batch_op.f('ix_articles_date'))
        batch_op.drop_index(batch_op.f('ix_articles_content_hash'))
        batch_op.drop_index(batch_op.f('ix_articles_analyzer'))

    op.drop_table('articles')
    op.drop_table('runs')
    op.drop_table('duplicate_groups')
