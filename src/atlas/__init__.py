"""Muscle Pain Atlas: the page model (`atlas.model`), the table checker (`atlas.check`), the site's
Markdown extensions (`atlas.bodymap`, `atlas.figures`, `atlas.cautions`, `atlas.sections`,
`atlas.tables`) and what is published after a build (`atlas.publish`)."""
