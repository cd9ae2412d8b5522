print(int('twelve'))
