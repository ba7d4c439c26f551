"""Names and lists: the gazetteer, the names discovered in a corpus, and their spellings and variants."""
