listen-thanks-1 = Avec plaisir. Autre chose ?
listen-thanks-2 =
    { $register ->
        [vous] De rien, vraiment. Je reste là si vous avez besoin.
       *[tu] De rien, vraiment. Je reste là si tu as besoin.
    }
listen-ack-1 =
    { $register ->
        [vous] Ça marche. Je suis là si quelque chose vous revient.
       *[tu] Ça marche. Je suis là si quelque chose te revient.
    }
listen-ack-2 = D'accord 🙂
listen-bye-1 =
    { $register ->
        [vous] Bonne suite. Je suis là quand vous voulez revenir.
       *[tu] Bonne suite. Je suis là quand tu veux revenir.
    }
listen-bye-2 =
    { $register ->
        [vous] À plus tard. Prenez soin de vous.
       *[tu] À plus tard. Prends soin de toi.
    }
listen-laugh-1 = 😄 Ça fait du bien, un peu de légèreté.
listen-laugh-2 = Haha 🙂
listen-hello-1 =
    { $register ->
        [vous] Bonjour 🙂 Qu'est-ce qui vous amène aujourd'hui ?
       *[tu] Salut 🙂 Qu'est-ce qui t'amène aujourd'hui ?
    }
listen-hello-2 =
    { $register ->
        [vous] Bonjour, bienvenue 🙂
       *[tu] Coucou 🙂
    }
listen-heard_felt =
    { $register ->
        [vous] « { $words } » : j'entends { $feeling } dans ce que vous écrivez.
       *[tu] « { $words } » : j'entends { $feeling } dans ce que tu écris.
    }
listen-heard =
    { $register ->
        [vous] « { $words } » : ça a l'air de vous peser.
       *[tu] « { $words } » : ça a l'air de te peser.
    }
listen-felt =
    { $register ->
        [vous] J'entends { $feeling } dans ce que vous écrivez.
       *[tu] J'entends { $feeling } dans ce que tu écris.
    }
listen-heavy =
    { $register ->
        [vous] Ça a l'air de vous peser.
       *[tu] Ça a l'air de te peser.
    }
listen-open_1 =
    { $register ->
        [vous] Qu'est-ce qui a été le plus dur pour vous, là-dedans ?
       *[tu] Qu'est-ce qui a été le plus dur pour toi, là-dedans ?
    }
listen-open_2 =
    { $register ->
        [vous] Vous voulez me raconter comment ça s'est passé ?
       *[tu] Tu veux me raconter comment ça s'est passé ?
    }
listen-open_3 =
    { $register ->
        [vous] Qu'est-ce qui vous travaille le plus, en ce moment ?
       *[tu] Qu'est-ce qui te travaille le plus, en ce moment ?
    }
listen-more_1 =
    { $register ->
        [vous] Merci de me le dire. Je vous écoute, prenez votre temps.
       *[tu] Merci de me le dire. Je t'écoute, prends ton temps.
    }
listen-more_2 =
    { $register ->
        [vous] Je vois. Continuez si vous en avez besoin, je suis là.
       *[tu] Je vois. Continue si tu en as besoin, je suis là.
    }
listen-more_3 =
    { $register ->
        [vous] C'est important, ce que vous dites là. Je vous écoute.
       *[tu] C'est important, ce que tu dis là. Je t'écoute.
    }
listen-offer =
    { $register ->
        [vous] Si ça peut aider : on peut continuer à en parler, préparer une réponse à quelqu'un, ou le poser dans votre journal.
       *[tu] Si ça peut aider : on peut continuer à en parler, préparer une réponse à quelqu'un, ou le poser dans ton journal.
    }
listen-journal = Le garder dans mon journal
listen-care-okay =
    { $register ->
        [vous] Merci de me l'avoir dit. Vous avez bien fait d'en parler. Les lignes d'écoute restent à un bouton, et moi aussi je reste là, quand vous voulez.
       *[tu] Merci de me l'avoir dit. Tu as bien fait d'en parler. Les lignes d'écoute restent à un bouton, et moi aussi je reste là, quand tu veux.
    }
listen-care-hello =
    { $register ->
        [vous] Je suis là. Écrivez ce qui vous vient, à votre rythme.
       *[tu] Je suis là. Écris ce qui te vient, à ton rythme.
    }
listen-care-bye =
    { $register ->
        [vous] Prenez soin de vous. Les lignes d'écoute répondent jour et nuit, et je suis là quand vous voulez revenir.
       *[tu] Prends soin de toi. Les lignes d'écoute répondent jour et nuit, et je suis là quand tu veux revenir.
    }
listen-care-lines = Revoir les numéros d'écoute
listen-care-question =
    { $register ->
        [vous] On pourra regarder ça ensemble plus tard. Là, tout de suite, je préfère rester avec vous : comment vous sentez-vous ?
       *[tu] On pourra regarder ça ensemble plus tard. Là, tout de suite, je préfère rester avec toi : comment tu te sens ?
    }
