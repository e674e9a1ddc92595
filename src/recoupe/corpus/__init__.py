"""The corpus layer: the store (issue 11) and the cross-checking built on it (issue 12):
similarity, translations, stories, corroboration, the relation graph and exports."""
