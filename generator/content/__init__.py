"""The content stage: ``WireItem`` -> one Markdown file with YAML front matter."""
