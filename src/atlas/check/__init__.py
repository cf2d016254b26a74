"""The Muscle Pain Atlas table checker: reads the docs tree, builds the page graph, reports findings."""
