"""Rendering: typed views of resolved content, formatted by Jinja2 templates into Markdown pages."""
