"""Browser tests: the built site in real Chromium."""
