"""MkDocs hooks (named in mkdocs.yml): search tags from each page's names and their word forms, QR codes
for printed handouts, and publishing redirects and the graph after each build. The code is in the
installed package, `atlas.hooks`; see there."""

from atlas.hooks import on_files, on_page_context, on_page_markdown, on_post_build, on_post_page

__all__ = ["on_files", "on_page_context", "on_page_markdown", "on_post_build", "on_post_page"]
