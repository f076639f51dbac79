import TaskQL

print("taskql")
