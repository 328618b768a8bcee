"""The checked facts as one Dataset, and what follows from them: the risk level, citations."""
