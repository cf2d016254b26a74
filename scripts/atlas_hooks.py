"""MkDocs hooks (named in mkdocs.yml): QR codes for printed handouts, and publishing redirects and the
graph after each build. The code is in the installed package, `atlas.hooks`; see there."""

from atlas.hooks import on_page_context, on_post_build, on_post_page

__all__ = ["on_page_context", "on_post_build", "on_post_page"]
