import Fokus
print("fokus")
