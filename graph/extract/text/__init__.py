"""Text handling: tokens, sentences, tokenized input read as written, and noun-phrase extents.

Nothing here knows a name: these modules turn a string into the units the rules read.
"""
