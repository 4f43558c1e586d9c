"""Extraction steps: quotes, speakers and international reactions."""
