"""The per-language grammars the extraction engine runs: `nl.py` and `en.py`.

Each module offers `find(doc) -> list[Found]`: the readings of the cues in an `engine.doc.Doc`, each a
statement with the frame that found it. Only what differs between the languages lives here (word order,
separable verbs, the inverted "said X", the noun phrase of a source); the word lists are the lexicon's.
"""
