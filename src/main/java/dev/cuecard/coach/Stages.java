package dev.cuecard.coach;

import dev.cuecard.bank.Card.Framework;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which part of the answer structure the candidate is in, from cue phrases. STAR: situation,
 * task, action, result; CAR: context, action, result; technical: definition, how it works,
 * example, trade-off; design: requirements, components, scale, trade-offs. (The tracker also
 * counts a number stated after the action as a result.)
 */
final class Stages {
  private static final Map<Framework, List<Pattern>> CUES = new EnumMap<>(Framework.class);

  static {
    Pattern situation = p("at my (?:last|previous|current) (?:job|company|role|team)|the situation|back (?:when|in)"
        + "|we were|our team was|there was a|i was working (?:at|on)|a few (?:months|years) ago|the context"
        + "|the background|the problem was|we had a");
    Pattern task = p("my (?:task|job|role|goal|responsibility) was|i was (?:responsible|asked|tasked)|i needed to"
        + "|i had to|the goal was|we needed to|i was supposed to|i owned");
    Pattern action = p("so i|i decided|i (?:built|wrote|implemented|added|created|designed|set up|talked|met|proposed"
        + "|started|moved|changed|refactored|introduced|led|organized|organised|scheduled|asked|reached out|paired)"
        + "|first i|then i|what i did|the first thing i|my approach|i took");
    Pattern result = p("as a result|in the end|the result|the outcome|which (?:led|meant)|we (?:reduced|cut|saved"
        + "|increased|improved|shipped|delivered|launched)|it (?:reduced|cut|saved|increased|improved)"
        + "|ended up|so now|afterwards|since then|i learned|i learnt|the lesson");
    CUES.put(Framework.STAR, List.of(situation, task, action, result));
    CUES.put(Framework.CAR, List.of(p(situation.pattern() + "|" + task.pattern()), action, result));
    Pattern tradeOff = p("trade[- ]?offs?|downside|drawback|the cost|on the other hand|however|but it|the catch|versus|vs"
        + "|instead|the risk|be careful|pitfall|limitation|depends on|it's not free|overhead|slower|more complex");
    CUES.put(Framework.DESIGN, List.of(
        p("requirements?|how many (?:users|requests)|read[- ]heavy|write[- ]heavy|use cases?|i'd (?:first )?ask"
            + "|clarify|assum(?:e|ing|ption)|in scope|out of scope|we need to support|non[- ]functional"),
        p("components?|(?:a|the) (?:load balancer|cache|queue|database|service|worker|api|gateway|table)|endpoints?"
            + "|data model|schema|store (?:it|them) in|redis|postgres|celery|kafka|message broker"),
        p("scale|scaling|shard(?:ing)?|replicas?|partition(?:ing)?|horizontal(?:ly)?|millions|per second"
            + "|throughput|bottleneck|cdn|hot spot|autoscal(?:e|ing)|rate limit"),
        tradeOff));
    CUES.put(Framework.TECHNICAL, List.of(
        p("(?:it|that|this|they)(?:'s| is| are) (?:a|an|the|basically|just|how|when|what)|is a way|refers to|means"
            + "|is used (?:to|for)|in short|the idea is|at a high level|defined as|stands for"),
        p("under the hood|works by|internally|behind the scenes|what happens is|when you call|it (?:runs|does|uses"
            + "|creates|sends|stores|checks|joins|loads|caches|keeps)|the way it works|step by step|first it|then it"),
        p("for example|for instance|e\\.g|say you have|imagine|like when|in my (?:last |current )?(?:project|job|team)"
            + "|we used|i used|in practice|a good example|such as"),
        tradeOff));
  }

  private Stages() {
  }

  private static Pattern p(String alternatives) {
    return Pattern.compile("\\b(?:" + alternatives + ")\\b");
  }

  /** Stage indexes (into the framework's steps) whose cue phrases appear in the text. */
  static List<Integer> found(Framework framework, String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    List<Pattern> cues = CUES.get(framework);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < cues.size(); i++) {
      if (cues.get(i).matcher(t).find()) {
        out.add(i);
      }
    }
    return out;
  }
}
