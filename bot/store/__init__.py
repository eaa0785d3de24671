"""The only SQL in Factbot: the index file and the state database."""
