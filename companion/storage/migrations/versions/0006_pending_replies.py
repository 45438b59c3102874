"""Pending replies: a turn's replies kept until they are sent (transactional outbox).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_replies",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("update_id", sa.BigInteger(), nullable=False, unique=True),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("replies", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_pending_replies_user_id", "pending_replies", ["user_id"])
    op.create_index("ix_pending_replies_created_at", "pending_replies", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_pending_replies_created_at", table_name="pending_replies")
    op.drop_index("ix_pending_replies_user_id", table_name="pending_replies")
    op.drop_table("pending_replies")
