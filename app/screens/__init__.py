"""What each page of the app shows: a ``body(text)`` per page, run by the tiny page files in
``app/views`` through :func:`app.ui.page` (which turns library errors into ``st.error``)."""
