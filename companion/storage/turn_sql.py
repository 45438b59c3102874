"""The statements every turn runs, built once and run on the unit's connection.

A turn is a handful of single-row statements. Built anew on each turn through the ORM, SQLAlchemy spent more
time constructing, keying and (for ``INSERT … ON CONFLICT``, which its statement cache cannot hold) compiling
them than SQLite spent running them. Built once here, each one compiles once per engine and then costs a cache
lookup; rows come back as tuples, not ORM objects (``companion bench updates`` measures the effect).
The flood limit's and the outbox's statements are built the same way in their own modules.
"""

from __future__ import annotations

from sqlalchemy import DateTime, bindparam, select, text, update

from companion.storage.models import ConversationRow, User

_users = User.__table__
_states = ConversationRow.__table__

# The profile and the state at once (a state row always has its user row): one statement, not two.
TURN_COLUMNS = (
    _users.c.language, _users.c.formal, _users.c.agreement, _users.c.consent_at, _users.c.portrait, _users.c.mission,
    _users.c.timezone, _users.c.active,
    _states.c.flow, _states.c.step, _states.c.data, _states.c.paused, _states.c.version, _states.c.last_update_id,
)
_USER_AND_STATE = _users.outerjoin(_states, _states.c.user_id == _users.c.id)
LOAD_TURN = select(*TURN_COLUMNS).select_from(_USER_AND_STATE).where(_users.c.id == bindparam("user_id"))

LOAD_TURNS = (select(_users.c.id, _users.c.telegram_id, *TURN_COLUMNS).select_from(_USER_AND_STATE)
              .where(_users.c.id.in_(bindparam("user_ids", expanding=True))))
"""``LOAD_TURN`` for many users at once (the reminders' dispatcher), with their ids and Telegram ids."""

# Plain SQL that SQLite and PostgreSQL both accept; the typed parameter stores the time as the model does. The row
# count says whether the row was inserted (no RETURNING: reading a returned row is one more step of SQLite's).
CLAIM_UPDATE = text(
    "INSERT INTO processed_updates (update_id, processed_at) VALUES (:update_id, :processed_at) "
    "ON CONFLICT DO NOTHING"
).bindparams(bindparam("processed_at", type_=DateTime(timezone=True)))

SAVE_STATE = (
    update(_states)
    .where(_states.c.user_id == bindparam("key_user_id"), _states.c.version == bindparam("key_version"))
    .values(version=_states.c.version + 1)
)
"""Run with the new ``flow``, ``step``, ``data``, ``paused``, ``updated_at`` (and ``last_update_id``) as parameters."""

# A new user's rows, each in one statement (an existing row is left alone: the conflict target is the key only).
ADD_USER = text(
    "INSERT INTO users (id, telegram_id, language, formal, timezone, created_at, active) "
    "VALUES (:id, :telegram_id, :language, :formal, :timezone, :created_at, :active) ON CONFLICT (id) DO NOTHING"
).bindparams(bindparam("formal", type_=_users.c.formal.type), bindparam("active", type_=_users.c.active.type),
             bindparam("created_at", type_=_users.c.created_at.type))
NEW_USER = {name: _users.c[name].default.arg for name in ("formal", "timezone", "active")}
"""The model's defaults for the columns ``ADD_USER`` sets that the caller does not give."""

ADD_STATE = text(
    "INSERT INTO conversation_states (user_id, flow, step, data, paused, version, last_update_id, updated_at) "
    "VALUES (:user_id, :flow, :step, :data, :paused, 1, :last_update_id, :updated_at) "
    "ON CONFLICT (user_id) DO NOTHING"
).bindparams(bindparam("data", type_=_states.c.data.type), bindparam("paused", type_=_states.c.paused.type),
             bindparam("updated_at", type_=_states.c.updated_at.type))
"""A state row for a user who had none; no row inserted means another turn wrote one first (a version conflict)."""
