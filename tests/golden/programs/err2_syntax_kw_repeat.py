def connect(host, port=80, timeout=5):
    return f"{host}:{port} ({timeout}s)"


print(connect("example.org"))
print(connect("example.org", port=8080,
              timeout=10, port=9090))
