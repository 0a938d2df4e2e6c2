package org.example.lib.api;

// planted for ModuleDescriptorTest: a package without package-info.java
public final class Thing {
}
