"""The Textual app: screens, widgets and styles. The only package that imports Textual."""
