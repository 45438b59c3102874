"""Reminders split into settings and a queue of deliveries: the schedule and the follow-ups become queued rows.

``reminder_settings`` loses ``next_due_at`` and ``next_weekly_at``; ``follow_ups`` is folded into
``reminder_deliveries``, which gains ``due_at`` (a row is queued as ``due`` before it is claimed).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

settings = sa.table(
    "reminder_settings", sa.column("user_id", sa.String), sa.column("timezone", sa.String),
    sa.column("next_due_at", sa.DateTime(timezone=True)), sa.column("next_weekly_at", sa.DateTime(timezone=True)))
follow_ups = sa.table(
    "follow_ups", sa.column("id", sa.Integer), sa.column("user_id", sa.String), sa.column("kind", sa.String),
    sa.column("due_at", sa.DateTime(timezone=True)), sa.column("payload", sa.JSON), sa.column("done", sa.Boolean),
    sa.column("created_at", sa.DateTime(timezone=True)))
deliveries = sa.table(
    "reminder_deliveries", sa.column("id", sa.Integer), sa.column("user_id", sa.String), sa.column("kind", sa.String),
    sa.column("occurrence", sa.String), sa.column("due_at", sa.DateTime(timezone=True)),
    sa.column("status", sa.String), sa.column("attempts", sa.Integer), sa.column("payload", sa.JSON(none_as_null=True)),
    sa.column("claimed_at", sa.DateTime(timezone=True)))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def upgrade() -> None:
    with op.batch_alter_table("reminder_deliveries") as batch:
        batch.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
        batch.alter_column("claimed_at", existing_type=sa.DateTime(timezone=True), nullable=True)
    bind = op.get_bind()
    bind.execute(deliveries.update().values(due_at=deliveries.c.claimed_at))
    taken = {tuple(row) for row in bind.execute(sa.select(deliveries.c.user_id, deliveries.c.kind,
                                                          deliveries.c.occurrence))}
    queued = []
    for user_id, zone, daily, weekly in bind.execute(sa.select(
            settings.c.user_id, settings.c.timezone, settings.c.next_due_at, settings.c.next_weekly_at)):
        for kind, due in (("daily", daily), ("weekly", weekly)):
            if due is None:
                continue
            due = _aware(due)
            occurrence = due.astimezone(ZoneInfo(zone)).date().isoformat()
            if (user_id, kind, occurrence) not in taken:
                queued.append({"user_id": user_id, "kind": kind, "occurrence": occurrence, "due_at": due,
                               "status": "due", "attempts": 0, "payload": None, "claimed_at": None})
    for row in bind.execute(sa.select(follow_ups).where(follow_ups.c.done.is_(False))):
        queued.append({"user_id": row.user_id, "kind": row.kind, "occurrence": f"f{row.id}",
                       "due_at": _aware(row.due_at), "status": "due", "attempts": 0, "payload": row.payload,
                       "claimed_at": None})
    if queued:
        bind.execute(deliveries.insert(), queued)
    with op.batch_alter_table("reminder_deliveries") as batch:
        batch.alter_column("due_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch.create_index("ix_reminder_deliveries_status_due", ["status", "due_at"])
    op.drop_table("follow_ups")
    op.drop_index("ix_reminder_settings_next_due_at", table_name="reminder_settings")
    op.drop_index("ix_reminder_settings_next_weekly_at", table_name="reminder_settings")
    with op.batch_alter_table("reminder_settings") as batch:
        batch.drop_column("next_due_at")
        batch.drop_column("next_weekly_at")


def downgrade() -> None:
    with op.batch_alter_table("reminder_settings") as batch:
        batch.add_column(sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("next_weekly_at", sa.DateTime(timezone=True), nullable=True))
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
    bind = op.get_bind()
    now = datetime.now(UTC)
    due = deliveries.c.status == "due"
    for row in bind.execute(sa.select(deliveries).where(due)):
        if row.kind in ("daily", "weekly"):
            column = "next_due_at" if row.kind == "daily" else "next_weekly_at"
            bind.execute(settings.update().where(settings.c.user_id == row.user_id).values({column: row.due_at}))
        else:
            bind.execute(follow_ups.insert().values(user_id=row.user_id, kind=row.kind, due_at=row.due_at,
                                                    payload=row.payload, done=False, created_at=now))
    bind.execute(deliveries.delete().where(due))
    bind.execute(deliveries.update().where(deliveries.c.claimed_at.is_(None)).values(claimed_at=deliveries.c.due_at))
    with op.batch_alter_table("reminder_deliveries") as batch:
        batch.drop_index("ix_reminder_deliveries_status_due")
        batch.alter_column("claimed_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch.drop_column("due_at")
