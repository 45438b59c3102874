voice-heard = I heard: “{ $text }”
    Did I get that right?
voice-heard_forwarded = In this forwarded voice message, I heard: “{ $text }”
    Did I get that right?
voice-ok = That's right
voice-received = Someone sent me this
voice-fix = Let me correct it
voice-fix_prompt = Okay. Type the right version and I'll read it as if you had typed it.
voice-too_long = This voice message is over 3 minutes, which is too long for me. Could you send a shorter one, or type it?
voice-unreadable = I couldn't listen to this voice message. Could you try again, or type it?
voice-empty = I didn't hear anything in this voice message. Could you try again, or type it?
voice-off = I can't listen to voice messages right now. Would you like to type it in a few words?
voice-video_note = I listen to voice messages, but not to video messages. Could you send a voice message, or type it?
voice-audio_file = I listen to voice messages recorded in Telegram, not to audio files. Could you send a voice message, or type it?
