"""Rules: what a text's words say about the names in it, as pure functions over strings.

Cue words, abbreviation definitions, name-shaped spans and their contexts, lower-case
task and method phrases, roles, reported results, and corpus-level evidence (with how a
sentence uses a name: `name_use`).
"""
