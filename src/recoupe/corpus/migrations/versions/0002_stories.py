"""Cross-checking: stories, story members, article similarity profiles.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stories',
    sa.Column('id', sa.String(length=24), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('first_seen', sa.String(length=40), nullable=True),
    sa.Column('last_seen', sa.String(length=40), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('created', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_stories_first_seen', 'stories', ['first_seen'])
    op.create_table('story_members',
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('story_id', sa.String(length=24), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.Column('joined', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_index('ix_story_members_story_id', 'story_members', ['story_id'])
    op.create_table('article_profiles',
    sa.Column('article_id', sa.String(length=24), nullable=False),
    sa.Column('model', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )


def downgrade() -> None:
    op.drop_table('article_profiles')
    op.drop_index('ix_story_members_story_id', table_name='story_members')
    op.drop_table('story_members')
    op.drop_index('ix_stories_first_seen', table_name='stories')
    op.drop_table('stories')
