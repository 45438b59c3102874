"""The tier of every test, in one place: ``tests/conftest.py`` marks each collected test with it."""

from __future__ import annotations

UNIT, INTEGRATION, E2E = "unit", "integration", "e2e"
LEVELS = (UNIT, INTEGRATION, E2E)

TIERS: dict[str, str] = {
    "test_architecture.py": UNIT,
    "test_architecture.py::test_the_engine_gets_its_readings_through_a_port": INTEGRATION,
    "test_ask_flow.py": UNIT,
    "test_bad_input.py": E2E,
    "test_bench_updates.py": INTEGRATION,
    "test_config.py": UNIT,
    "test_config.py::test_cli_prints_one_line_not_a_traceback": INTEGRATION,
    "test_crisis.py": UNIT,
    "test_deployment.py": INTEGRATION,
    "test_embedding_engine.py": INTEGRATION,
    "test_engine.py": UNIT,
    "test_engine_reading.py": UNIT,
    "test_engine_schedule.py": UNIT,
    "test_fake_bot_api.py": INTEGRATION,
    "test_export_readable.py": UNIT,
    "test_faults.py": E2E,
    "test_fuzz.py": E2E,
    "test_i18n.py": UNIT,
    "test_journal.py": INTEGRATION,
    "test_journeys.py": UNIT,
    "test_journeys_e2e.py": E2E,
    "test_knowledge_content.py": UNIT,
    "test_llm_e2e.py": E2E,
    "test_llm_guards.py": UNIT,
    "test_llm_prompts.py": UNIT,
    "test_llm_server.py": INTEGRATION,
    "test_llm_writer.py": UNIT,
    "test_logs.py": E2E,
    "test_observability.py": INTEGRATION,
    "test_outbox.py": INTEGRATION,
    "test_outbox.py::test_a_bot_killed_before_sending_answers_after_its_restart": E2E,
    "test_privacy.py": INTEGRATION,
    "test_privacy.py::test_export_sends_everything_as_json_and_markdown": E2E,
    "test_privacy.py::test_forget_leaves_no_trace_in_the_database_or_chroma": E2E,
    "test_privacy.py::test_encryption_at_rest_and_key_rotation": E2E,
    "test_reading.py": UNIT,
    "test_reading.py::test_analyse_batch_prints_one_reading_per_row_then_timings": INTEGRATION,
    "test_reading.py::test_bench_reading_prints_the_embedding_the_reading_and_their_ratio": INTEGRATION,
    "test_reading.py::test_crisis_tiers_on_the_dev_set": INTEGRATION,
    "test_reading.py::test_intent_on_the_dev_set": INTEGRATION,
    "test_reading.py::test_tension_levels_on_the_dev_set": INTEGRATION,
    "test_reading.py::test_feelings_on_the_dev_set": INTEGRATION,
    "test_reminders_dispatch.py": INTEGRATION,
    "test_reminders_e2e.py": E2E,
    "test_reminders_flow.py": INTEGRATION,
    "test_reply_draft.py": UNIT,
    "test_reply_e2e.py": E2E,
    "test_reply_flow.py": UNIT,
    "test_reply_flow.py::test_eval_drafts_cli_prints_one_json_per_scenario_then_the_summary": INTEGRATION,
    "test_retrieval.py": INTEGRATION,
    "test_service.py": INTEGRATION,
    "test_settle_heap.py": UNIT,
    "test_sqlite_transactions.py": INTEGRATION,
    "test_storage_boundary.py": INTEGRATION,
    "test_telegram_e2e.py": E2E,
    "test_telegram_render.py": UNIT,
    "test_telegram_sender.py": UNIT,
    "test_telegram_sender.py::test_background_work_runs_as_named_jobs_with_the_application": E2E,
    "test_tension.py": UNIT,
    "test_tension.py::test_the_shipped_head_still_fits_the_data_it_was_trained_on": INTEGRATION,
    "test_terminal.py": UNIT,
    "test_terminal.py::test_printf_start_consent_and_talk": INTEGRATION,
    "test_terminal.py::test_conversation_survives_a_restart": INTEGRATION,
    "test_terminal.py::test_english_and_separate_users": INTEGRATION,
    "test_tiers.py": UNIT,
    "test_turn_runner.py": UNIT,
    "test_two_processes.py": E2E,
    "test_typing.py": UNIT,
    "test_webhook.py": E2E,
    "test_wheel_e2e.py": E2E,
}
"""The tier of every test module, and of the few tests whose tier differs from their module's (a subprocess, or
the learned reading of a whole evaluation set)."""

DEVSET = {
    "test_crisis.py::test_prefilter_never_changes_a_verdict",
    "test_reading.py::test_crisis_tiers_on_the_dev_set",
    "test_reading.py::test_intent_on_the_dev_set",
    "test_reading.py::test_tension_levels_on_the_dev_set",
    "test_reading.py::test_feelings_on_the_dev_set",
    "test_retrieval.py::test_dev_set_recall",
    "test_tension.py::test_the_shipped_head_still_fits_the_data_it_was_trained_on",
}
"""The tests that read ``../shared/eval``."""


def tier_of(module: str, name: str) -> str | None:
    """The tier ``TIERS`` gives a test: its own entry, else its module's (``name`` without parameters)."""
    return TIERS.get(f"{module}::{name}", TIERS.get(module))
