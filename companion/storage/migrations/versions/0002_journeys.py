"""Journeys: the user's portrait and mission statement, an active flag, emotions and details on journal entries.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("portrait", sa.Text(), nullable=True))
        batch.add_column(sa.Column("mission", sa.Text(), nullable=True))
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table("journal_entries") as batch:
        batch.add_column(sa.Column("emotions", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("details", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("journal_entries") as batch:
        batch.drop_column("details")
        batch.drop_column("emotions")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("active")
        batch.drop_column("mission")
        batch.drop_column("portrait")
