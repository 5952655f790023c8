import Fokus
print("example")
