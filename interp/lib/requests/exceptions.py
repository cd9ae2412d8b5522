"""requests.exceptions: the hierarchy of requests 2.x, for gillab's subset
(see requests/__init__.py). RequestException is an OSError (IOError) as
in requests; ConnectionError is requests' own class, not the built-in."""


class RequestException(IOError):
    """Something went wrong with the request; .response and .request if known."""

    def __init__(self, *args, **kwargs):
        self.response = kwargs.pop("response", None)
        self.request = kwargs.pop("request", None)
        super().__init__(*args)


class HTTPError(RequestException):
    """raise_for_status() found a 4xx or 5xx status."""


class ConnectionError(RequestException):
    """Connecting (or the connection) failed."""


class Timeout(RequestException):
    """The request timed out."""


class ConnectTimeout(ConnectionError, Timeout):
    """Connecting timed out."""


class ReadTimeout(Timeout):
    """The server sent nothing within the timeout."""


class URLRequired(RequestException):
    pass


class TooManyRedirects(RequestException):
    pass


class InvalidURL(RequestException, ValueError):
    pass


class MissingSchema(RequestException, ValueError):
    pass


class InvalidSchema(RequestException, ValueError):
    pass
