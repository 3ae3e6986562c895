"""Documents and data in and out: the brag document, the promotion case, the JSON backup and
the jrnl import. Works on the domain and the store only; knows nothing of Textual."""
