"""Alembic environment: run programmatically by :func:`recoupe.corpus.migrate.upgrade` with an open
connection (``config.attributes["connection"]``), or from the ``alembic`` command with a URL."""

from __future__ import annotations

from alembic import context

from recoupe.corpus.store import Base, make_engine

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with make_engine(config.get_main_option("sqlalchemy.url")).connect() as conn:
        _run(conn)
