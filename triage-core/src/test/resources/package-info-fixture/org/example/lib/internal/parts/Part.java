package org.example.lib.internal.parts;

// planted for ModuleDescriptorTest: its package-info.java claims to be API
final class Part {
}
