plugins {
    kotlin("jvm") version "2.0.21"
    kotlin("plugin.spring") version "2.0.21"
    id("org.springframework.boot") version "3.3.4"
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("com.checkout:checkout-sdk-java:7.16.0")
    testImplementation("org.springframework.boot:spring-boot-starter-test")
}
