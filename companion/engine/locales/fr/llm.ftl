llm-ask_not_covered = Les passages de ma base ne répondent pas vraiment à cette question. Voici le plus proche :
llm-ask_sources = D'après :
    { $sources }
llm-ask_source = • « { $title } » ({ $source })
llm-feedback_more = Une piste de plus (écrite par un modèle de langage, à prendre comme une suggestion) :
    { $text }
