"""Transcripts: durable writes, versioned schema, listing, export."""
