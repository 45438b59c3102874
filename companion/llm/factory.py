"""Build a langchain chat model from settings: any ``init_chat_model`` provider or an OpenAI-compatible server."""

from __future__ import annotations

import importlib.util
from typing import Any

from langchain_core.language_models import BaseChatModel

from companion.config import Settings, SettingsError

# provider of init_chat_model → (python package, extra of compagnon that installs it)
PROVIDERS = {
    "openai": ("langchain_openai", "openai"),
    "mistralai": ("langchain_mistralai", "mistral"),
    "ollama": ("langchain_ollama", "ollama"),
}

KNOWN_PROVIDERS = frozenset(PROVIDERS) | {
    "anthropic", "azure_openai", "azure_ai", "bedrock", "bedrock_converse", "cohere", "deepseek", "fireworks",
    "google_anthropic_vertex", "google_genai", "google_vertexai", "groq", "huggingface", "ibm", "nvidia",
    "perplexity", "together", "upstage", "xai",
}
"""Providers a spec may name before its colon (a colon may also sit inside a model tag: ``llama3.1:8b``)."""


def split_spec(spec: str, base_url: str | None = None) -> tuple[str | None, str]:
    """``"openai:gpt-4o-mini"`` → ``("openai", "gpt-4o-mini")``; a bare name with a base URL is OpenAI-compatible."""
    provider, colon, model = spec.partition(":")
    if colon and provider in KNOWN_PROVIDERS:
        return provider, model
    return ("openai" if base_url else None), spec


def missing_package_message(provider: str | None, spec: str) -> str:
    """One line saying which extra (or package) to install for ``provider``."""
    if provider in PROVIDERS:
        extra = PROVIDERS[provider][1]
        return f"COMPANION_LLM: {spec} needs the '{extra}' extra: pip install 'compagnon[{extra}]'"
    package = f"langchain-{provider.replace('_', '-')}" if provider else "the provider's langchain package"
    return f"COMPANION_LLM: {spec} needs langchain and {package}: pip install langchain {package}"


def _check_installed(provider: str | None, spec: str) -> None:
    needed = ["langchain"] + ([PROVIDERS[provider][0]] if provider in PROVIDERS else [])
    if any(importlib.util.find_spec(name) is None for name in needed):
        raise SettingsError(missing_package_message(provider, spec))


def model_options(settings: Settings, provider: str | None) -> dict[str, Any]:
    """Keyword arguments for the provider's chat model: timeout, token limit, retries, endpoint, key."""
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    options: dict[str, Any] = {"temperature": settings.llm_temperature}
    if provider == "ollama":
        options |= {"num_predict": settings.llm_max_tokens, "client_kwargs": {"timeout": settings.llm_timeout}}
        if settings.llm_base_url:
            options["base_url"] = settings.llm_base_url
        return options
    options |= {"timeout": settings.llm_timeout, "max_retries": settings.llm_max_retries,
                "max_tokens": settings.llm_max_tokens}
    if provider == "openai":
        if settings.llm_base_url:
            # langchain-openai sends the limit as max_completion_tokens, which some OpenAI-compatible servers
            # ignore (llama-cpp-python's among them): send max_tokens as well, which they all read.
            options |= {"base_url": settings.llm_base_url, "api_key": key or "not-needed",
                        "extra_body": {"max_tokens": settings.llm_max_tokens}}
        elif key:
            options["api_key"] = key
        options["stream_usage"] = True
    elif provider == "mistralai":
        if settings.llm_base_url:
            options["endpoint"] = settings.llm_base_url
        if key:
            options["api_key"] = key
    elif key:
        options["api_key"] = key
    return options


def build_chat_model(settings: Settings, **extra: Any) -> BaseChatModel:
    """The chat model ``COMPANION_LLM`` names; ``extra`` goes to its constructor (e.g. an ``http_client``)."""
    if settings.llm == "none":
        raise SettingsError("COMPANION_LLM: none configured")
    provider, model = split_spec(settings.llm, settings.llm_base_url)
    _check_installed(provider, settings.llm)
    from langchain.chat_models import init_chat_model

    try:
        return init_chat_model(model, model_provider=provider, **(model_options(settings, provider) | extra))
    except ImportError:
        raise SettingsError(missing_package_message(provider, settings.llm)) from None
    except ValueError as error:
        # init_chat_model cannot infer a provider from a bare model name.
        raise SettingsError(f"COMPANION_LLM: {error}".splitlines()[0]) from None
