import DbagKit
print("dbag")
