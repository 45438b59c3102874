"""Reminders: daily question settings, one-off follow-ups and the delivery record (unique per occurrence).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder_settings",
        sa.Column("user_id", sa.String(64), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("weekly_day", sa.Integer(), nullable=True),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_weekly_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("asked", sa.JSON(), nullable=True),
        sa.Column("pending_question", sa.String(64), nullable=True),
        sa.Column("pending_date", sa.String(10), nullable=True),
        sa.Column("streak", sa.Integer(), nullable=False),
        sa.Column("last_answer_date", sa.String(10), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reminder_settings_next_due_at", "reminder_settings", ["next_due_at"])
    op.create_index("ix_reminder_settings_next_weekly_at", "reminder_settings", ["next_weekly_at"])
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.String(64), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_follow_ups_user_id", "follow_ups", ["user_id"])
    op.create_index("ix_follow_ups_done_due", "follow_ups", ["done", "due_at"])
    op.create_table(
        "reminder_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.String(64), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("occurrence", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.UniqueConstraint("user_id", "kind", "occurrence", name="uq_reminder_delivery"),
    )
    op.create_index("ix_reminder_deliveries_status_claimed", "reminder_deliveries", ["status", "claimed_at"])


def downgrade() -> None:
    op.drop_table("reminder_deliveries")
    op.drop_table("follow_ups")
    op.drop_table("reminder_settings")
