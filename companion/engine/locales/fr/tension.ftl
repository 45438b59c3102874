tension-threat-explanation =
    { $register ->
        [vous] « { $quote } » ressemble à une menace. Votre sécurité passe avant toute réponse.
       *[tu] « { $quote } » ressemble à une menace. Ta sécurité passe avant toute réponse.
    }
tension-threat-suggestion =
    { $register ->
        [vous] Ne répondez pas sur le même terrain : faites une capture d'écran, bloquez ou signalez, et parlez-en à quelqu'un de confiance (le 3018 aide pour le harcèlement en ligne).
       *[tu] Ne réponds pas sur le même terrain : fais une capture d'écran, bloque ou signale, et parles-en à quelqu'un de confiance (le 3018 aide pour le harcèlement en ligne).
    }
tension-exclusion-explanation =
    { $register ->
        [vous] « { $quote } » cherche à écarter ou à rejeter quelqu'un, parfois pour ce qu'il est. Ce n'est pas à vous de porter ça.
       *[tu] « { $quote } » cherche à écarter ou à rejeter quelqu'un, parfois pour ce qu'il est. Ce n'est pas à toi de porter ça.
    }
tension-exclusion-suggestion =
    { $register ->
        [vous] Vous n'avez pas à vous justifier : vous pouvez signaler et bloquer, puis répondre seulement si vous vous sentez en sécurité, en une phrase courte et calme (« Je ne continuerai pas sur ce ton. »).
       *[tu] Tu n'as pas à te justifier : tu peux signaler et bloquer, puis répondre seulement si tu te sens en sécurité, en une phrase courte et calme (« Je ne continuerai pas sur ce ton. »).
    }
tension-insult-explanation = « { $quote } » vise la personne plutôt que ce qu'elle a fait : ça blesse plus que ça n'informe.
tension-insult-suggestion =
    { $register ->
        [vous] Ne reprenez pas ce mot : décrivez un fait précis et ce que vous ressentez (« Quand je lis ça, je ressens… »).
       *[tu] Ne reprends pas ce mot : décris un fait précis et ce que tu ressens (« Quand je lis ça, je ressens… »).
    }
tension-contempt-explanation = « { $quote } » rabaisse l'autre et ferme l'échange, même sans gros mot.
tension-contempt-suggestion =
    { $register ->
        [vous] Dites votre désaccord sans vous placer au-dessus : « Je ne vois pas les choses comme vous, et voici pourquoi… ».
       *[tu] Dis ton désaccord sans te placer au-dessus : « Je ne vois pas les choses comme toi, et voici pourquoi… ».
    }
tension-accusation-explanation = « { $quote } » est un reproche en « tu » : il met l'autre sur la défensive.
tension-accusation-suggestion =
    { $register ->
        [vous] Passez au « je » : « J'ai ressenti … quand … ; j'aurais besoin de … ».
       *[tu] Passe au « je » : « J'ai ressenti … quand … ; j'aurais besoin de … ».
    }
tension-sarcasm-explanation = « { $quote } » sonne ironique : à l'écrit, où le ton ne passe pas, l'ironie se lit comme de la moquerie.
tension-sarcasm-suggestion =
    { $register ->
        [vous] Dites simplement ce que vous pensez, sans détour : « Je ne suis pas d'accord, parce que… ».
       *[tu] Dis simplement ce que tu penses, sans détour : « Je ne suis pas d'accord, parce que… ».
    }
tension-generalisation-explanation = « { $quote } » transforme un moment en vérité générale : l'autre se sent résumé.
tension-generalisation-suggestion =
    { $register ->
        [vous] Parlez d'une situation précise : « Hier, quand… » plutôt que « vous faites toujours… ».
       *[tu] Parle d'une situation précise : « Hier, quand… » plutôt que « tu fais toujours… ».
    }
tension-profanity-explanation = « { $quote } » dit surtout une émotion forte ; un gros mot fait monter la température.
tension-profanity-suggestion =
    { $register ->
        [vous] Nommez l'émotion plutôt que de jurer : « Ça m'agace vraiment, parce que… ».
       *[tu] Nomme l'émotion plutôt que de jurer : « Ça m'agace vraiment, parce que… ».
    }
tension-shouting-explanation = « { $quote } » : les majuscules et les points d'exclamation en série se lisent comme des cris.
tension-shouting-suggestion =
    { $register ->
        [vous] Écrivez votre réponse en minuscules, avec une seule ponctuation : le calme se lit aussi.
       *[tu] Écris ta réponse en minuscules, avec une seule ponctuation : le calme se lit aussi.
    }
tension-hate-explanation = « { $quote } » vise une personne pour ce qu'elle est (origine, religion, orientation, genre) : c'est de la haine, et c'est puni par la loi.
tension-hate-suggestion =
    { $register ->
        [vous] Ne répondez pas sur ce terrain : gardez une capture, signalez, bloquez.
       *[tu] Ne réponds pas sur ce terrain : garde une capture, signale, bloque.
    }
tension-incitement-explanation =
    { $register ->
        [vous] « { $quote } » pousse quelqu'un à se faire du mal : c'est grave, et ce n'est jamais vrai de vous.
       *[tu] « { $quote } » pousse quelqu'un à se faire du mal : c'est grave, et ce n'est jamais vrai de toi.
    }
tension-incitement-suggestion =
    { $register ->
        [vous] Protégez-vous d'abord : capture, signalement, blocage, et parlez-en à quelqu'un de confiance (3018).
       *[tu] Protège-toi d'abord : capture, signalement, blocage, et parles-en à quelqu'un de confiance (3018).
    }
tension-blackmail-explanation =
    { $register ->
        [vous] « { $quote } » est un chantage : on vous met sous pression pour obtenir quelque chose de vous. Vous n'avez rien à négocier.
       *[tu] « { $quote } » est un chantage : on te met sous pression pour obtenir quelque chose de toi. Tu n'as rien à négocier.
    }
tension-blackmail-suggestion =
    { $register ->
        [vous] Ne payez pas, n'envoyez rien : gardez les preuves, bloquez, signalez, et appelez le 3018.
       *[tu] Ne paie pas, n'envoie rien : garde les preuves, bloque, signale, et appelle le 3018.
    }
tension-doxxing-explanation =
    { $register ->
        [vous] « { $quote } » expose où vous trouver : c'est une menace pour votre sécurité, au-delà de l'écran.
       *[tu] « { $quote } » expose où te trouver : c'est une menace pour ta sécurité, au-delà de l'écran.
    }
tension-doxxing-suggestion =
    { $register ->
        [vous] Protégez-vous d'abord : capture avec la date, signalez, et parlez-en (3018, ou le 17 si vous vous sentez en danger).
       *[tu] Protège-toi d'abord : capture avec la date, signale, et parles-en (3018, ou le 17 si tu te sens en danger).
    }
tension-mockery-explanation = « { $quote } » tourne quelqu'un en ridicule : c'est une moquerie, pas un argument.
tension-mockery-suggestion =
    { $register ->
        [vous] Laissez tomber la moquerie : dites ce que vous reprochez, en une phrase.
       *[tu] Laisse tomber la moquerie : dis ce que tu reproches, en une phrase.
    }
tension-passive_aggression-explanation = « { $quote } » dit un reproche sans le dire : on le reçoit quand même, en plus froid.
tension-passive_aggression-suggestion =
    { $register ->
        [vous] Dites directement ce qui vous dérange, sans le glisser entre les lignes.
       *[tu] Dis directement ce qui te dérange, sans le glisser entre les lignes.
    }
tension-condescension-explanation = « { $quote } » parle de haut : l'autre se sent pris pour un enfant.
tension-condescension-suggestion =
    { $register ->
        [vous] Parlez d'égal à égal : expliquez votre point sans commenter l'autre.
       *[tu] Parle d'égal à égal : explique ton point sans commenter l'autre.
    }
tension-guilt_trip-explanation =
    { $register ->
        [vous] « { $quote } » culpabilise : on vous fait porter ce que l'autre ressent.
       *[tu] « { $quote } » culpabilise : on te fait porter ce que l'autre ressent.
    }
tension-guilt_trip-suggestion =
    { $register ->
        [vous] Dites ce que vous ressentez et ce que vous demandez, sans faire porter la faute.
       *[tu] Dis ce que tu ressens et ce que tu demandes, sans faire porter la faute.
    }
tension-dismissal-explanation = « { $quote } » balaie la parole de l'autre : on lui dit qu'elle ne compte pas.
tension-dismissal-suggestion =
    { $register ->
        [vous] Vous pouvez refuser la discussion sans faire taire : « Je préfère qu'on en reste là. »
       *[tu] Tu peux refuser la discussion sans faire taire : « Je préfère qu'on en reste là. »
    }
