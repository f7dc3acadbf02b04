import Testing
@testable import DbagKit

@Suite struct MySQLAddressTests {
    @Test func readsEveryPart() throws {
        let address = try MySQLAddress("mysql://dbag%20reader:p%40ss@db.internal:3307/app_prod")
        #expect(address == MySQLAddress(user: "dbag reader", password: "p@ss", host: "db.internal", port: 3307, database: "app_prod"))
    }

    @Test func aRawPasswordMayHoldSeparators() throws {
        let address = try MySQLAddress("mysql://reader:a:b@c/d#e@127.0.0.1/app")
        #expect(address.password == "a:b@c/d#e")
        #expect(address.host == "127.0.0.1")
        #expect(address.database == "app")
    }

    @Test func defaultsAndSocket() throws {
        let address = try MySQLAddress("mariadb://reader@/app?socket=/run/mysqld/mysqld.sock")
        #expect(address == MySQLAddress(user: "reader", host: "localhost", port: 3306, database: "app", socket: "/run/mysqld/mysqld.sock"))
    }

    @Test(arguments: ["postgresql://reader:Secret-1@h/app", "mysql://reader:Secret-1@h:port/app", "mysql://:Secret-1@h/app",
                      "mysql://reader:Secret-1@h/app?sslmode=Secret-1"])
    func aBadURLIsAnErrorThatHidesThePassword(url: String) throws {
        let error = try #require(throws: MariaDBError.self) { try MySQLAddress(url) }
        #expect(error.message.contains("mysql://user:password@host:port/database") || error.message.contains("unknown option"))
        #expect(!error.message.contains("Secret-1"))
    }
}

@Suite struct MySQLSourceURLTests {
    @Test func aVariableInsideTheURLIsTakenAsItIs() throws {
        let url = try MySQLSource.url(EnvironmentString("mysql://${U}:${P}@${H}:3306/app"), environment: ["U": "dbag", "P": "a%41:@/b", "H": "db.internal"])
        #expect(try MySQLAddress(url) == MySQLAddress(user: "dbag", password: "a%41:@/b", host: "db.internal", port: 3306, database: "app"))
    }

    @Test func aURLFromOneVariableIsReadAsAURL() throws {
        let url = try MySQLSource.url(EnvironmentString("${DATABASE_URL}"), environment: ["DATABASE_URL": "mysql://dbag:p%40ss@127.0.0.1/app"])
        #expect(try MySQLAddress(url).password == "p@ss")
    }
}
