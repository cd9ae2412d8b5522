s = '''never
closed
