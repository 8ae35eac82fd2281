"""Who may use the app when it is open to the room's network (``journeys app --host …``).

The command line generates (or is given) an access code and passes it in ``JOURNEYS_ACCESS_CODE``;
each browser session is asked for it once, before any page is shown. With a code set, persona
files are read-only unless ``JOURNEYS_ALLOW_EDIT`` is set (``--allow-edit``); the room's notes and
votes stay open to everyone who has the code. Without a code (the app on 127.0.0.1) nothing is
asked and files may be edited.
"""

from __future__ import annotations

import hmac
import os
import time

import streamlit as st

from persona.i18n import Catalog

CODE_ENV = "JOURNEYS_ACCESS_CODE"
ALLOW_EDIT_ENV = "JOURNEYS_ALLOW_EDIT"
WRONG_CODE_PAUSE_SECONDS = 1.0  # guessing a 40-bit code one second at a time takes too long


def required_code() -> str | None:
    return os.environ.get(CODE_ENV) or None


def files_editable() -> bool:
    """Whether persona files may be saved from this app (always on this machine alone)."""
    return required_code() is None or os.environ.get(ALLOW_EDIT_ENV) == "1"


def granted() -> bool:
    return required_code() is None or st.session_state.get("_access_granted") is True


def _try_code() -> None:
    typed = (st.session_state.get("_access_code") or "").strip().upper()
    code = required_code() or ""
    if hmac.compare_digest(typed.encode("utf-8"), code.upper().encode("utf-8")):
        st.session_state["_access_granted"] = True
        st.session_state.pop("_access_wrong", None)
    else:
        time.sleep(WRONG_CODE_PAUSE_SECONDS)
        st.session_state["_access_wrong"] = True
    st.session_state["_access_code"] = ""


def gate(text: Catalog) -> None:
    """Ask for the code (the page stops here until it is given)."""
    st.title(text("app.access.title"))
    st.write(text("app.access.prompt"))
    with st.form("access"):
        st.text_input(text("app.access.code"), key="_access_code", type="password")
        st.form_submit_button(text("app.access.enter"), on_click=_try_code, type="primary")
    if st.session_state.get("_access_wrong"):
        st.error(text("app.access.wrong"), icon=":material/lock:")
    st.stop()
