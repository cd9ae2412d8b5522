"""urllib: request (plain HTTP/1.1 GET and POST), error, parse (urlsplit)."""
