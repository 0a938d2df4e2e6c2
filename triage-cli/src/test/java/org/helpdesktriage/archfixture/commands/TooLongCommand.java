package org.helpdesktriage.archfixture.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A planted command class that does its work itself: over 120 lines, so CommandShapeTest
 * must find it.
 */
@Command(name = "too-long")
public final class TooLongCommand implements Callable<Integer> {

    @Option(names = "--option-0")
    int option0;

    @Option(names = "--option-1")
    int option1;

    @Option(names = "--option-2")
    int option2;

    @Option(names = "--option-3")
    int option3;

    @Option(names = "--option-4")
    int option4;

    @Option(names = "--option-5")
    int option5;

    @Option(names = "--option-6")
    int option6;

    @Option(names = "--option-7")
    int option7;

    @Option(names = "--option-8")
    int option8;

    @Option(names = "--option-9")
    int option9;

    @Option(names = "--option-10")
    int option10;

    @Option(names = "--option-11")
    int option11;

    @Option(names = "--option-12")
    int option12;

    @Option(names = "--option-13")
    int option13;

    @Option(names = "--option-14")
    int option14;

    @Option(names = "--option-15")
    int option15;

    @Option(names = "--option-16")
    int option16;

    @Option(names = "--option-17")
    int option17;

    @Option(names = "--option-18")
    int option18;

    @Option(names = "--option-19")
    int option19;

    @Option(names = "--option-20")
    int option20;

    @Option(names = "--option-21")
    int option21;

    @Option(names = "--option-22")
    int option22;

    @Option(names = "--option-23")
    int option23;

    @Option(names = "--option-24")
    int option24;

    @Option(names = "--option-25")
    int option25;

    @Option(names = "--option-26")
    int option26;

    @Option(names = "--option-27")
    int option27;

    @Option(names = "--option-28")
    int option28;

    @Option(names = "--option-29")
    int option29;

    @Option(names = "--option-30")
    int option30;

    @Option(names = "--option-31")
    int option31;

    @Option(names = "--option-32")
    int option32;

    @Option(names = "--option-33")
    int option33;

    @Option(names = "--option-34")
    int option34;

    @Option(names = "--option-35")
    int option35;

    @Override
    public Integer call() {
        return option0 + option1;
    }
}
