llm-ask_not_covered = The passages I have do not really answer this question. Here is the closest:
llm-ask_sources = Drawn from:
    { $sources }
llm-ask_source = • “{ $title }” ({ $source })
llm-feedback_more = One more idea (written by a language model, to take as a suggestion):
    { $text }
