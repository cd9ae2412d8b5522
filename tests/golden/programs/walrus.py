data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long", n)
while (item := data.pop()) != 2:
    print("popped", item)
print(data, [y for x in range(5) if (y := x * x) > 4])
