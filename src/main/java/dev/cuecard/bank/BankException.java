package dev.cuecard.bank;

import java.util.List;

/** One or more problems in bank files, each naming the file, card id and field. */
public class BankException extends RuntimeException {
  private final List<String> problems;

  public BankException(List<String> problems) {
    super(problems.size() == 1 ? problems.get(0)
        : problems.size() + " problems in question banks:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
