"""urllib.error: URLError (an OSError whose str is "<urlopen error REASON>")
and HTTPError (a URLError that is also the response: code, reason,
headers, read()), as CPython 3.11 defines them."""


class URLError(OSError):
    def __init__(self, reason, filename=None):
        self.args = (reason,)
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return "<urlopen error %s>" % (self.reason,)


class HTTPError(URLError):
    def __init__(self, url, code, msg, hdrs, fp):
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        self.url = url
        self.filename = url
        self.args = (url, code, msg, hdrs, fp)

    def __str__(self):
        return "HTTP Error %s: %s" % (self.code, self.msg)

    def __repr__(self):
        return "<HTTPError %s: %r>" % (self.code, self.msg)

    @property
    def reason(self):
        return self.msg

    @property
    def status(self):
        return self.code

    @property
    def headers(self):
        return self.hdrs

    def getcode(self):
        return self.code

    def info(self):
        return self.hdrs

    def geturl(self):
        return self.url

    def read(self, amt=None):
        return self.fp.read(amt) if self.fp is not None else b""

    def close(self):
        if self.fp is not None:
            self.fp.close()


class ContentTooShortError(URLError):
    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
