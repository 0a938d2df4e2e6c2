/**
 * API. Planted for ModuleDescriptorTest: an internal package that says it is API.
 */
package org.example.lib.internal.parts;
